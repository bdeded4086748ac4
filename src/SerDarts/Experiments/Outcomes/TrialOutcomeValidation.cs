using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Outcomes;

/// <summary>Checks an outcome before it is stored, so that a broken executor fails loudly instead of
/// writing metrics that tables and charts would later misread.</summary>
internal static class TrialOutcomeValidation
{
    public static IReadOnlyList<string> Errors(TrialSpec trial, TrialOutcome outcome)
    {
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }
        var test = outcome.Test;
        Check(test is not null, "the test report is missing");
        if (test is not null)
        {
            Check(IsFraction(test.UnweightedAccuracy) && IsFraction(test.WeightedAccuracy) && IsFraction(test.MacroF1),
                $"UA, WA and macro-F1 must be fractions in [0, 1] (got {test.UnweightedAccuracy}, {test.WeightedAccuracy}, {test.MacroF1})");
            var n = test.Classes.Count;
            Check(n > 0 && test.Confusion.Length == n && test.Confusion.All(row => row.Length == n),
                $"the confusion matrix must be {n} x {n} (one row and column per class)");
            Check(test.Confusion.All(row => row.All(c => c >= 0)), "confusion counts must be non-negative");
        }
        Check(Distinct(outcome.Epochs.Select(e => e.Epoch)), "training epoch numbers must be distinct");
        Check(Distinct(outcome.SearchEpochs.Select(e => e.Epoch)), "search epoch numbers must be distinct");
        Check(outcome.ParameterCount >= 0, "the parameter count must be >= 0");
        Check(!string.IsNullOrWhiteSpace(outcome.Device), "the device is missing");
        Check(!Networks.NetworkKinds.UsesCells(trial.Spec.Model) || outcome.Genotype is not null,
            $"a {trial.Spec.Model} trial must return its genotype");
        return errors;
    }

    private static bool IsFraction(double value) => value is >= 0 and <= 1;

    private static bool Distinct(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Distinct().Count() == list.Count;
    }
}
