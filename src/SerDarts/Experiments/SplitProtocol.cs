using System.Globalization;

namespace SerDarts.Experiments;

/// <summary>How a corpus is split into speaker-independent folds: "loso" (leave one session out),
/// "lospk" (leave one speaker out) or "kfold:K" (K speaker-disjoint folds).</summary>
public sealed record SplitProtocol(string Kind, int K)
{
    public const string LeaveOneSessionOut = "loso";
    public const string LeaveOneSpeakerOut = "lospk";
    public const string KFold = "kfold";

    public static SplitProtocol Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value is LeaveOneSessionOut or LeaveOneSpeakerOut) return new SplitProtocol(value, 0);
        if (value.StartsWith(KFold + ":", StringComparison.Ordinal)
            && int.TryParse(value[(KFold.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && k >= 2)
            return new SplitProtocol(KFold, k);
        throw new FormatException($"split protocol '{text}' is not 'loso', 'lospk' or 'kfold:K' with K >= 2");
    }

    public override string ToString() => Kind == KFold ? $"{KFold}:{K}" : Kind;
}
