namespace SerDarts.Corpora;

/// <summary>Reads one corpus' documented on-disk layout into labelled utterances.</summary>
public interface ICorpusLoader
{
    /// <summary>The dataset name used on the command line ("iemocap", "ravdess", ...).</summary>
    string Name { get; }

    /// <summary>
    /// Lists every labelled utterance under <paramref name="root"/>. Files that cannot be used are reported in
    /// <see cref="CorpusScan.Skipped"/> with a reason; the scan goes on. <paramref name="progress"/> receives the
    /// number of files examined so far.
    /// </summary>
    CorpusScan Scan(string root, CorpusOptions? options = null, IProgress<int>? progress = null);
}
