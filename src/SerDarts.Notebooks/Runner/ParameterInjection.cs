using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SerDarts.NotebookHost.Runner;

/// <summary>
/// Writes the cell a headless run injects after the <c>parameters</c> cell: one redeclaration per override,
/// typed like the default it replaces, read from the parameters cell's own source (so that Jupyter runs, which
/// cannot ask the kernel, get the same cell as <c>serdarts notebook run</c>). Values are C# literals (numbers,
/// bools, strings); a string default takes any text. A default that is not a literal (an enum member, say) is
/// converted at run time from the text by the type's own TypeConverter.
/// </summary>
public static class ParameterInjection
{
    public const string InjectedTag = "injected-parameters";

    /// <summary>Marks a default declared with a type this class cannot name from syntax alone.</summary>
    private sealed class RuntimeTyped;

    /// <summary>
    /// The injected cell's source for overrides of the defaults in <paramref name="parametersSource"/>;
    /// <paramref name="warn"/> hears of overrides without a default (declared as strings or literals with var).
    /// A value that does not fit its default's type makes the cell throw, naming the parameter.
    /// </summary>
    public static string Source(string parametersSource, IReadOnlyList<KeyValuePair<string, string>> parameters, Action<string>? warn = null)
    {
        var declared = DeclaredTypes(parametersSource);
        var source = new StringBuilder("// Parameters injected by serdarts (notebook run / notebook inject -p name=value)");
        if (parameters.Any(p => declared.TryGetValue(p.Key, out var t) && t == typeof(RuntimeTyped))) source.Append('\n').Append(Converter);
        foreach (var (name, value) in parameters)
        {
            if (!declared.TryGetValue(name, out var type))
                warn?.Invoke($"parameter '{name}' has no default in the parameters cell; declared with var");
            source.Append('\n');
            try { source.Append(type == typeof(RuntimeTyped) ? Converted(name, value) : Declaration(name, value, type)); }
            catch (FormatException e) { source.Append($"throw new System.ArgumentException({Quote(e.Message)});"); }
        }
        return source.ToString();
    }

    /// <summary>
    /// The variables a parameters cell declares and their types: a predefined type written out, or the type of a
    /// literal after <c>var</c>; <see cref="RuntimeTyped"/> when the type is something else.
    /// </summary>
    internal static IReadOnlyDictionary<string, Type> DeclaredTypes(string parametersSource)
    {
        var root = CSharpSyntaxTree.ParseText(parametersSource, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetRoot();
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var declaration in root.DescendantNodes().OfType<VariableDeclarationSyntax>())
            foreach (var variable in declaration.Variables)
                types[variable.Identifier.Text] = TypeOf(declaration.Type, variable.Initializer?.Value) ?? typeof(RuntimeTyped);
        return types;
    }

    private static Type? TypeOf(TypeSyntax type, ExpressionSyntax? initializer)
    {
        if (type is PredefinedTypeSyntax predefined)
            return Keywords.FirstOrDefault(k => k.Value == predefined.Keyword.Text).Key;
        if (!type.IsVar) return null;
        return initializer switch
        {
            LiteralExpressionSyntax literal => literal.Token.Value?.GetType(),
            PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax operand } => operand.Token.Value?.GetType(),
            _ => null,
        };
    }

    /// <summary>A reassignment converted at run time by the default's TypeConverter (enums: any letter case).</summary>
    private static string Converted(string name, string value) => SyntaxFacts.IsValidIdentifier(name)
        ? $"{name} = {ConverterName}({name}, {Quote(name)}, {Quote(value)});"
        : throw new FormatException($"parameter name '{name}' is not a C# identifier");

    private const string ConverterName = "InjectedParameter";

    private const string Converter =
        "static T " + ConverterName + "<T>(T current, string name, string text) { try { return (T)System.ComponentModel.TypeDescriptor" +
        ".GetConverter(typeof(T)).ConvertFromInvariantString(text)!; } catch (Exception e) when (e is FormatException or ArgumentException" +
        " or NotSupportedException) { throw new ArgumentException($\"parameter '{name}': '{text}' is not a {typeof(T).Name}\", e); } }";

    /// <summary>One declaration, e.g. <c>double learningRate = 0.025;</c>.</summary>
    public static string Declaration(string name, string value, Type? declared)
    {
        if (!SyntaxFacts.IsValidIdentifier(name))
            throw new FormatException($"parameter name '{name}' is not a C# identifier");
        var literal = Literal(value);
        var typeName = declared is null ? null : Keywords.GetValueOrDefault(declared);
        if (declared is null || typeName is null) return $"var {name} = {literal ?? Quote(value)};";
        if (declared == typeof(string))
            return $"string {name} = {(literal is not null && literal.TrimStart().StartsWith('"') ? literal : Quote(value))};";
        if (declared == typeof(bool) && bool.TryParse(value.Trim(), out var flag))
            return $"{typeName} {name} = {(flag ? "true" : "false")};";
        if (literal is null)
            throw new FormatException($"parameter '{name}': '{value}' is not a C# literal of type {typeName}");
        return $"{typeName} {name} = {WithSuffix(literal, declared)};";
    }

    /// <summary>The trimmed value when it parses as a C# literal (a signed number counts), else null.</summary>
    public static string? Literal(string value)
    {
        var text = value.Trim();
        if (text.Length == 0) return null;
        var expression = SyntaxFactory.ParseExpression(text);
        if (expression.ContainsDiagnostics || expression.FullSpan.Length != text.Length) return null;
        return expression switch
        {
            LiteralExpressionSyntax => text,
            PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax operand } unary
                when operand.IsKind(SyntaxKind.NumericLiteralExpression)
                     && (unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression)) => text,
            _ => null,
        };
    }

    /// <summary>A C# string literal holding <paramref name="value"/> exactly.</summary>
    public static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string WithSuffix(string literal, Type declared)
    {
        // 0.5 does not convert to float or decimal implicitly; 0.5f and 0.5m do (5f and 5m are valid too).
        var digits = literal.TrimStart('-', '+');
        bool plain = !digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                     && !digits.StartsWith("0b", StringComparison.OrdinalIgnoreCase) && char.IsDigit(digits[^1]);
        if (declared == typeof(float) && plain) return literal + "f";
        if (declared == typeof(decimal) && plain) return literal + "m";
        return literal;
    }

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char",
        [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint",
        [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double",
        [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object",
    };
}
