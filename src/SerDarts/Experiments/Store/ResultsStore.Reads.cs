using System.Data.Common;
using SerDarts.Corpora;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments.Store;

public sealed partial class ResultsStore
{
    /// <summary>Suite labels, in the order they were first registered.</summary>
    public IReadOnlyList<string> ReadSuites() =>
        Query("SELECT suite FROM variants GROUP BY suite ORDER BY MIN(registered_utc), suite;", r => r.GetString(0));

    public IReadOnlyList<VariantRow> ReadVariants(string? suite = null) => Query("""
        SELECT v.suite, v.variant, v.factor, v.level, v.ordinal, s.model, v.spec_hash
        FROM variants v JOIN specs s ON s.spec_hash = v.spec_hash
        WHERE @suite IS NULL OR v.suite = @suite ORDER BY v.suite, v.ordinal;
        """, r => new VariantRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetString(6)),
        ("@suite", suite));

    /// <summary>The stored specs (of a suite's variants, when given), by spec hash.</summary>
    public IReadOnlyDictionary<string, ExperimentSpec> ReadSpecs(string? suite = null) => Query("""
        SELECT spec_hash, spec_json FROM specs
        WHERE @suite IS NULL OR spec_hash IN (SELECT spec_hash FROM variants WHERE suite = @suite);
        """, r => (Hash: r.GetString(0), Spec: ExperimentSpec.FromJson(r.GetString(1), $"stored spec {r.GetString(0)}")), ("@suite", suite))
        .ToDictionary(x => x.Hash, x => x.Spec);

    /// <summary>All trials, or those of a suite's variants.</summary>
    public IReadOnlyList<TrialRow> ReadTrials(string? suite = null) => Query("""
        SELECT t.trial_id, t.spec_hash, s.model, t.fold, t.seed, t.status, t.attempts, t.run_dir, t.started_utc, t.ended_utc, t.error
        FROM trials t JOIN specs s ON s.spec_hash = t.spec_hash
        WHERE @suite IS NULL OR t.spec_hash IN (SELECT spec_hash FROM variants WHERE suite = @suite)
        ORDER BY t.trial_id;
        """, r => new TrialRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetString(5),
            r.GetInt32(6), r.GetString(7), Text(r, 8), Text(r, 9), Text(r, 10)), ("@suite", suite));

    /// <summary>Test metrics of every completed trial (of a suite's variants, when given).</summary>
    public IReadOnlyList<TrialMetricRow> ReadTrialMetrics(string? suite = null) => Query("""
        SELECT t.trial_id, t.spec_hash, s.model, t.fold, t.seed, m.ua, m.wa, m.macro_f1, m.parameters, p.device,
               COALESCE(m.search_seconds, 0) + COALESCE(m.train_seconds, 0) + COALESCE(m.evaluate_seconds, 0)
        FROM trials t JOIN specs s ON s.spec_hash = t.spec_hash JOIN metrics m ON m.trial_id = t.trial_id
             JOIN provenance p ON p.trial_id = t.trial_id
        WHERE t.status = 'completed'
          AND (@suite IS NULL OR t.spec_hash IN (SELECT spec_hash FROM variants WHERE suite = @suite))
        ORDER BY t.spec_hash, t.fold, t.seed;
        """, r => new TrialMetricRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetDouble(5),
            r.GetDouble(6), r.GetDouble(7), r.GetInt64(8), r.GetString(9), r.GetDouble(10)), ("@suite", suite));

    public IReadOnlyList<EpochRecord> ReadEpochs(long trialId) => Query("""
        SELECT epoch, learning_rate, train_loss, train_accuracy, validation_loss, validation_ua, test_ua, test_wa, seconds
        FROM epochs WHERE trial_id = @id ORDER BY epoch;
        """, r => new EpochRecord(r.GetInt32(0), Real(r, 1), Real(r, 2), Real(r, 3), Real(r, 4), Real(r, 5), Real(r, 6), Real(r, 7),
            Real(r, 8)), ("@id", trialId));

    public IReadOnlyList<SearchEpochRecord> ReadSearchEpochs(long trialId) => Query("""
        SELECT epoch, learning_rate, architecture_updated, train_loss, train_ua, validation_loss, validation_ua, normal_entropy,
               reduce_entropy, genotype_changes, normal_skip_count, operations_json, normal_weights_json, reduce_weights_json,
               genotype_json, seconds
        FROM search_epochs WHERE trial_id = @id ORDER BY epoch;
        """, r => new SearchEpochRecord(r.GetInt32(0), Real(r, 1), r.GetInt32(2) != 0, Real(r, 3), Real(r, 4), Real(r, 5), Real(r, 6),
            Real(r, 7), Real(r, 8), r.GetInt32(9), r.GetInt32(10), StoreJson.Read<List<string>>(r.GetString(11)),
            StoreJson.Read<double[][]>(r.GetString(12)), StoreJson.Read<double[][]>(r.GetString(13)),
            StoreJson.Read<Genotype>(r.GetString(14)), Real(r, 15)),
        ("@id", trialId));

    /// <summary>The spec stored under a hash (as registered by a run), or null.</summary>
    public ExperimentSpec? ReadSpec(string specHash) => Query("SELECT spec_json FROM specs WHERE spec_hash = @hash;",
        r => ExperimentSpec.FromJson(r.GetString(0), $"{Path} (spec {specHash[..Math.Min(12, specHash.Length)]})"), ("@hash", specHash)).FirstOrDefault();

    /// <summary>The stored fold name (e.g. "Session1 test:Ses01F val:Ses01M") of each of <paramref name="trialIds"/> that has one.</summary>
    public IReadOnlyDictionary<long, string> ReadFoldNames(IReadOnlySet<long> trialIds) =>
        Query("SELECT trial_id, name FROM folds;", r => (Id: r.GetInt64(0), Name: r.GetString(1)))
            .Where(f => trialIds.Contains(f.Id)).ToDictionary(f => f.Id, f => f.Name);

    /// <summary>The test clips of a completed trial, in the order they were scored.</summary>
    public IReadOnlyList<ClipPrediction> ReadPredictions(long trialId) => Query("""
        SELECT utterance, speaker, duration_seconds, truth, predicted FROM predictions WHERE trial_id = @id ORDER BY ordinal;
        """, r => new ClipPrediction(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetInt32(3), r.GetInt32(4)), ("@id", trialId));

    /// <summary>Files a trial's data left out, with the reasons.</summary>
    public IReadOnlyList<SkippedFile> ReadSkippedFiles(long trialId) => Query(
        "SELECT path, reason FROM skipped_files WHERE trial_id = @id ORDER BY ordinal;",
        r => new SkippedFile(r.GetString(0), r.GetString(1)), ("@id", trialId));

    /// <summary>The warnings stored with a trial (e.g. a search whose architecture did not move).</summary>
    /// <summary>The repeats of a trial's search (search.repeats &gt; 1): each repeat, the one kept and the stability; null for one search.</summary>
    public Search.SearchRepeats? ReadSearchRepeats(long trialId) =>
        Query("SELECT normal_stability, reduce_stability, chosen, repeats_json FROM search_repeats WHERE trial_id = @id;",
            r => new Search.SearchRepeats(StoreJson.Read<List<Search.SearchRepeat>>(r.GetString(3)), r.GetInt32(2), Real(r, 0), Real(r, 1), null),
            ("@id", trialId)).FirstOrDefault();

    public IReadOnlyList<string> ReadWarnings(long trialId) =>
        Query("SELECT message FROM warnings WHERE trial_id = @id ORDER BY ordinal;", r => r.GetString(0), ("@id", trialId));

    /// <summary>The test report of a completed trial, or null.</summary>
    public ClassificationReport? ReadTestReport(long trialId)
    {
        var head = Query("SELECT ua, wa, macro_f1, classes_json FROM metrics WHERE trial_id = @id;",
            r => (Ua: r.GetDouble(0), Wa: r.GetDouble(1), F1: r.GetDouble(2), Classes: StoreJson.Read<List<string>>(r.GetString(3))),
            ("@id", trialId));
        if (head.Count == 0) return null;
        var (ua, wa, f1, classes) = head[0];
        var confusion = classes.Select(_ => new int[classes.Count]).ToArray();
        foreach (var (t, p, n) in Query("SELECT truth, predicted, count FROM confusion WHERE trial_id = @id;",
                     r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)), ("@id", trialId)))
            confusion[t][p] = n;
        return new ClassificationReport(ua, wa, f1, confusion, classes);
    }

    public Genotype? ReadGenotype(long trialId) =>
        Query("SELECT genotype_json FROM genotypes WHERE trial_id = @id;", r => StoreJson.Read<Genotype>(r.GetString(0)), ("@id", trialId))
            .FirstOrDefault();

    /// <summary>Provenance of every completed trial (of a suite's variants, when given).</summary>
    public IReadOnlyList<(long TrialId, TrialProvenance Provenance)> ReadProvenance(string? suite = null) => Query("""
        SELECT trial_id, spec_json, spec_hash, seed, corpus_manifest_hash, library_version, git_commit, device, host, started_utc, ended_utc
        FROM provenance
        WHERE @suite IS NULL OR spec_hash IN (SELECT spec_hash FROM variants WHERE suite = @suite) ORDER BY trial_id;
        """, r => (r.GetInt64(0), new TrialProvenance(r.GetString(1), r.GetString(2), r.GetInt32(3), Text(r, 4), r.GetString(5),
            Text(r, 6), r.GetString(7), r.GetString(8), Utc(r.GetString(9)), Utc(r.GetString(10)))), ("@suite", suite));

    private List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        Read(c => Query(c, null, sql, map, parameters));

    internal static List<T> Query<T>(DbConnection c, DbTransaction? tx, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(c, tx, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double Real(DbDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
}
