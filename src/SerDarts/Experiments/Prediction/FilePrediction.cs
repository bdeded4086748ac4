using SerDarts.Corpora;

namespace SerDarts.Experiments.Prediction;

/// <summary>One file's emotion probabilities: the softmax of its windows' mean logits, as evaluation scores a clip.</summary>
/// <param name="File">The file as given.</param>
/// <param name="Windows">Rows (windows) the clip was cut into.</param>
/// <param name="Probabilities">Per class of <see cref="EmotionClasses.FourClass"/>, in that order; they sum to 1.</param>
public sealed record FilePrediction(string File, int Windows, IReadOnlyList<double> Probabilities)
{
    /// <summary>The most probable class (the lower index on a tie, as evaluation's argmax).</summary>
    public string Emotion
    {
        get
        {
            int best = 0;
            for (int c = 1; c < Probabilities.Count; c++)
                if (Probabilities[c] > Probabilities[best]) best = c;
            return EmotionClasses.FourClass[best];
        }
    }
}
