using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// Writes the cell a headless run injects after the <c>parameters</c> cell: one redeclaration per override,
/// typed like the default it replaces. Values are C# literals (numbers, bools, strings, null); anything else
/// becomes a string literal, or, for an enum-typed default, the enum member of that name.
/// </summary>
public static class ParameterInjection
{
    public const string InjectedTag = "injected-parameters";

    /// <summary>The injected cell's source; <paramref name="declaredType"/> gives a default's type (null: none).</summary>
    public static string Source(IEnumerable<KeyValuePair<string, string>> parameters, Func<string, Type?> declaredType)
    {
        var source = new StringBuilder("// Parameters injected by the headless runner (serdarts notebook run -p)");
        foreach (var (name, value) in parameters)
            source.Append('\n').Append(Declaration(name, value, declaredType(name)));
        return source.ToString();
    }

    /// <summary>One declaration, e.g. <c>double learningRate = 0.025;</c>.</summary>
    public static string Declaration(string name, string value, Type? declared)
    {
        if (!SyntaxFacts.IsValidIdentifier(name))
            throw new FormatException($"parameter name '{name}' is not a C# identifier");
        var literal = Literal(value);
        var typeName = declared is null ? null : CSharpTypeName(declared);
        if (declared is null || typeName is null) return $"var {name} = {literal ?? Quote(value)};";
        if (declared == typeof(string))
            return $"string {name} = {(literal is not null && literal.TrimStart().StartsWith('"') ? literal : Quote(value))};";
        if (declared.IsEnum && Enum.GetNames(declared).FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } member)
            return $"{typeName} {name} = {typeName}.{member};";
        if ((declared == typeof(bool) || declared == typeof(bool?)) && bool.TryParse(value.Trim(), out var flag))
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

    /// <summary>C# source for a type (keywords, generics, arrays, nullables), or null when it cannot be named.</summary>
    public static string? CSharpTypeName(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword)) return keyword;
        if (Nullable.GetUnderlyingType(type) is { } inner) return CSharpTypeName(inner) is { } n ? n + "?" : null;
        if (type.IsArray) return CSharpTypeName(type.GetElementType()!) is { } e ? $"{e}[{new string(',', type.GetArrayRank() - 1)}]" : null;
        if (type.FullName is null || type.Assembly.IsDynamic || type.FullName.Contains("Submission#", StringComparison.Ordinal)) return null;
        var name = type.IsNested ? CSharpTypeName(type.DeclaringType!) + "." + type.Name : "global::" + type.Namespace + "." + type.Name;
        if (!type.IsGenericType) return name;
        var arguments = type.GetGenericArguments().Select(CSharpTypeName).ToList();
        return arguments.Any(a => a is null) ? null : $"{name[..name.IndexOf('`')]}<{string.Join(", ", arguments)}>";
    }

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
