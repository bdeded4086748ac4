using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SerDarts.Corpora;

namespace SerDarts.Features;

/// <summary>
/// The enrolment clips of <c>features.normalization = enrolment:N</c>: per speaker of a validation or test part,
/// the N clips whose SHA-256 of "<c>seed</c>\n<c>utterance id</c>" sorts first (ordinal, hex). The choice depends
/// only on the clip ids and the seed, never on labels, audio or the trial seed, so every trial of a fold scores
/// the same clips. Enrolment clips give their speaker its statistics and are not scored.
/// </summary>
public static class SpeakerEnrolment
{
    /// <summary>The ids of the enrolment clips of <paramref name="part"/>; an error when a speaker has fewer
    /// than N + 1 clips (it would have nothing left to score).</summary>
    /// <param name="part">The validation or test utterances.</param>
    /// <param name="clips">N, the enrolment clips per speaker.</param>
    /// <param name="seed">Salts the order (<see cref="FoldData.SplitSeed"/> in every trial).</param>
    /// <param name="partName">"validation" or "test", for the error.</param>
    public static IReadOnlySet<string> Choose(IReadOnlyList<Utterance> part, int clips, int seed, string partName)
    {
        if (clips < 1) throw new ArgumentOutOfRangeException(nameof(clips), clips, "enrolment needs at least 1 clip per speaker");
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var speaker in part.GroupBy(u => u.Speaker, StringComparer.Ordinal))
        {
            var count = speaker.Count();
            if (count <= clips)
                throw new InvalidDataException(
                    $"features.normalization 'enrolment:{clips}': {partName} speaker {speaker.Key} has {count} clips; it needs at least {clips + 1} ({clips} to enrol, 1 to score)");
            foreach (var u in speaker.OrderBy(u => Key(u.Id, seed), StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal).Take(clips))
                chosen.Add(u.Id);
        }
        return chosen;
    }

    private static string Key(string id, int seed) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed.ToString(CultureInfo.InvariantCulture) + "\n" + id)));
}
