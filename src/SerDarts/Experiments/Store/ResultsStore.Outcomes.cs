using System.Globalization;
using System.Data.Common;
using SerDarts.Experiments.Outcomes;

namespace SerDarts.Experiments.Store;

public sealed partial class ResultsStore
{
    /// <summary>
    /// Stores a finished trial in one transaction (fold, epochs, search epochs, metrics, confusion matrix,
    /// genotype, provenance) and marks it completed. Only the trial's current holder can: returns false, writing
    /// nothing, when <paramref name="owner"/> no longer holds it (its lease expired and another worker took it over,
    /// or it was completed already), so a trial is never completed twice.
    /// </summary>
    public bool Complete(long trialId, TrialOwner owner, TrialOutcome outcome, TrialProvenance provenance) => Write((c, tx) =>
    {
        var holder = Query(c, tx, "SELECT status, owner_token FROM trials WHERE trial_id = @id;", r => (Status: r.GetString(0), Token: Text(r, 1)), ("@id", trialId))
            .FirstOrDefault();
        if (holder.Status is null) throw new InvalidOperationException($"trial {trialId} is not in the results store '{Path}'");
        if (holder.Status != "started" || holder.Token != owner.Token) return false;
        foreach (var table in StoreSchema.OutcomeTables)
            Execute(c, tx, $"DELETE FROM {table} WHERE trial_id = @id;", ("@id", trialId));
        WriteFold(c, tx, trialId, outcome.Fold);
        WriteEpochs(c, tx, trialId, outcome.Epochs);
        WriteSearchEpochs(c, tx, trialId, outcome.SearchEpochs);
        WriteMetrics(c, tx, trialId, outcome);
        if (outcome.Genotype is not null)
            Execute(c, tx, "INSERT INTO genotypes (trial_id, genotype_json) VALUES (@id, @g);", ("@id", trialId), ("@g", StoreJson.Write(outcome.Genotype)));
        WriteProvenance(c, tx, trialId, provenance);
        foreach (var (message, ordinal) in (outcome.Warnings ?? []).Select((m, i) => (m, i)))
            Execute(c, tx, "INSERT INTO warnings (trial_id, ordinal, message) VALUES (@id, @n, @m);", ("@id", trialId), ("@n", ordinal), ("@m", message));
        if (outcome.SearchRepeats is { } repeats)
            Execute(c, tx, """
                INSERT INTO search_repeats (trial_id, normal_stability, reduce_stability, chosen, repeats_json)
                VALUES (@id, @normal, @reduce, @chosen, @json);
                """, ("@id", trialId), ("@normal", Real(repeats.NormalStability)), ("@reduce", Real(repeats.ReduceStability)),
                ("@chosen", repeats.Chosen), ("@json", StoreJson.Write(repeats.Runs)));
        WritePredictions(c, tx, trialId, outcome.Predictions ?? []);
        foreach (var (file, ordinal) in (outcome.SkippedFiles ?? []).Select((f, i) => (f, i)))
            Execute(c, tx, "INSERT INTO skipped_files (trial_id, ordinal, path, reason) VALUES (@id, @n, @p, @r);",
                ("@id", trialId), ("@n", ordinal), ("@p", file.Path), ("@r", file.Reason));
        Execute(c, tx, "UPDATE trials SET status = 'completed', ended_utc = @now, heartbeat_utc = @now, error = NULL WHERE trial_id = @id;",
            ("@now", Now()), ("@id", trialId));
        return true;
    });

    private static void WriteFold(DbConnection c, DbTransaction tx, long id, FoldDescription? fold)
    {
        if (fold is null) return;
        Execute(c, tx, """
            INSERT INTO folds (trial_id, name, test_speakers_json, train_count, validation_count, test_count)
            VALUES (@id, @name, @speakers, @train, @validation, @test);
            """, ("@id", id), ("@name", fold.Name), ("@speakers", StoreJson.Write(fold.TestSpeakers)),
            ("@train", fold.TrainCount), ("@validation", fold.ValidationCount), ("@test", fold.TestCount));
    }

    private static void WriteEpochs(DbConnection c, DbTransaction tx, long id, IReadOnlyList<Training.EpochRecord> epochs)
    {
        using var insert = Command(c, tx, """
            INSERT INTO epochs (trial_id, epoch, learning_rate, train_loss, train_accuracy, validation_loss, validation_ua, test_ua, test_wa, seconds)
            VALUES (@id, @epoch, @lr, @loss, @acc, @vloss, @vua, @tua, @twa, @seconds);
            """, ("@id", id), ("@epoch", 0), ("@lr", 0.0), ("@loss", 0.0), ("@acc", 0.0), ("@vloss", 0.0), ("@vua", 0.0),
            ("@tua", 0.0), ("@twa", 0.0), ("@seconds", 0.0));
        foreach (var e in epochs)
            Run(insert, e.Epoch, e.LearningRate, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationUnweightedAccuracy,
                e.TestUnweightedAccuracy, e.TestWeightedAccuracy, e.Seconds);
    }

    private static void WriteSearchEpochs(DbConnection c, DbTransaction tx, long id, IReadOnlyList<Search.SearchEpochRecord> epochs)
    {
        foreach (var e in epochs)
            Execute(c, tx, """
                INSERT INTO search_epochs (trial_id, epoch, learning_rate, architecture_updated, train_loss, train_ua, validation_loss,
                    validation_ua, normal_entropy, reduce_entropy, genotype_changes, operations_json,
                    normal_weights_json, reduce_weights_json, normal_skip_count, genotype_json, seconds)
                VALUES (@id, @epoch, @lr, @updated, @loss, @ua, @vloss, @vua, @hn, @hr, @changes, @ops, @normal, @reduce, @skips, @genotype, @seconds);
                """, ("@id", id), ("@epoch", e.Epoch), ("@lr", Real(e.LearningRate)), ("@updated", e.ArchitectureUpdated ? 1 : 0),
                ("@loss", Real(e.TrainLoss)), ("@ua", Real(e.TrainUnweightedAccuracy)), ("@vloss", Real(e.ValidationLoss)),
                ("@hn", Real(e.NormalEntropy)), ("@hr", Real(e.ReduceEntropy)), ("@changes", e.GenotypeChanges),
                ("@vua", Real(e.ValidationUnweightedAccuracy)), ("@ops", StoreJson.Write(e.Operations)),
                ("@normal", StoreJson.Write(e.NormalWeights)), ("@reduce", StoreJson.Write(e.ReduceWeights)),
                ("@skips", e.NormalSkipCount), ("@genotype", StoreJson.Write(e.Genotype)), ("@seconds", Real(e.Seconds)));
    }

    private static void WriteMetrics(DbConnection c, DbTransaction tx, long id, TrialOutcome outcome)
    {
        var test = outcome.Test;
        Execute(c, tx, """
            INSERT INTO metrics (trial_id, ua, wa, macro_f1, parameters, classes_json, search_seconds, train_seconds, evaluate_seconds)
            VALUES (@id, @ua, @wa, @f1, @params, @classes, @search, @train, @evaluate);
            """, ("@id", id), ("@ua", test.UnweightedAccuracy), ("@wa", test.WeightedAccuracy), ("@f1", test.MacroF1),
            ("@params", outcome.ParameterCount), ("@classes", StoreJson.Write(test.Classes)),
            ("@search", outcome.Timings.SearchSeconds), ("@train", outcome.Timings.TrainSeconds), ("@evaluate", outcome.Timings.EvaluateSeconds));
        using var insert = Command(c, tx, "INSERT INTO confusion (trial_id, truth, predicted, count) VALUES (@id, @t, @p, @n);",
            ("@id", id), ("@t", 0), ("@p", 0), ("@n", 0));
        for (var t = 0; t < test.Confusion.Length; t++)
            for (var p = 0; p < test.Confusion[t].Length; p++)
                Run(insert, t, p, test.Confusion[t][p]);
    }

    private static void WritePredictions(DbConnection c, DbTransaction tx, long id, IReadOnlyList<ClipPrediction> predictions)
    {
        using var insert = Command(c, tx, """
            INSERT INTO predictions (trial_id, ordinal, utterance, speaker, duration_seconds, truth, predicted)
            VALUES (@id, @n, @u, @s, @d, @t, @p);
            """, ("@id", id), ("@n", 0), ("@u", ""), ("@s", ""), ("@d", 0.0), ("@t", 0), ("@p", 0));
        for (var i = 0; i < predictions.Count; i++)
        {
            var p = predictions[i];
            Run(insert, i, p.Utterance, p.Speaker, p.DurationSeconds, p.Truth, p.Predicted);
        }
    }

    private static void WriteProvenance(DbConnection c, DbTransaction tx, long id, TrialProvenance p) =>
        Execute(c, tx, """
            INSERT INTO provenance (trial_id, spec_json, spec_hash, seed, corpus_manifest_hash, library_version, git_commit,
                device, host, started_utc, ended_utc)
            VALUES (@id, @spec, @hash, @seed, @manifest, @version, @commit, @device, @host, @started, @ended);
            """, ("@id", id), ("@spec", p.SpecJson), ("@hash", p.SpecHash), ("@seed", p.Seed), ("@manifest", p.CorpusManifestHash),
            ("@version", p.LibraryVersion), ("@commit", p.GitCommit), ("@device", p.Device), ("@host", p.Host),
            ("@started", p.StartedUtc.ToString("O", CultureInfo.InvariantCulture)), ("@ended", p.EndedUtc.ToString("O", CultureInfo.InvariantCulture)));

    /// <summary>Re-runs a prepared insert with new values for its parameters after the first (@id).</summary>
    private static void Run(DbCommand insert, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) insert.Parameters[i + 1].Value = values[i] is double d ? Real(d) : values[i];
        insert.ExecuteNonQuery();
    }

    /// <summary>SQLite has no NaN (it stores NULL); keep that explicit.</summary>
    private static object Real(double value) => double.IsFinite(value) ? value : DBNull.Value;
}
