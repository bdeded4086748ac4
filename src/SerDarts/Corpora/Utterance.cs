namespace SerDarts.Corpora;

/// <summary>One labelled utterance of a corpus.</summary>
/// <param name="Id">Corpus-unique id (IEMOCAP: "Ses01F_impro01_F000").</param>
/// <param name="Path">Absolute path of the audio file.</param>
/// <param name="Emotion">Label after the corpus' label map: "neutral", "happy", "sad", "angry", or another name kept as is.</param>
/// <param name="Speaker">Speaker id, unique across the corpus (IEMOCAP: "Ses01F").</param>
/// <param name="Session">Session or group ("Session1"); the speaker when a corpus has none.</param>
/// <param name="DurationSeconds">Duration of the audio.</param>
/// <param name="Extras">Corpus-specific fields (IEMOCAP: "improvised", "dialog", "vad").</param>
public sealed record Utterance(
    string Id,
    string Path,
    string Emotion,
    string Speaker,
    string Session,
    double DurationSeconds,
    IReadOnlyDictionary<string, string> Extras);
