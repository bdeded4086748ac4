using System.Text.Json.Serialization;
using SerDarts.Runtime;

namespace SerDarts.Search;

/// <summary>
/// Every number of a DARTS search (bilevel: SGD on the network weights over one half of the training speakers'
/// clips, Adam on the architecture weights over the other half). The network searched is the experiment's
/// <see cref="Networks.NetworkSpec"/> as a supernet.
/// </summary>
public sealed record SearchSettings
{
    public int Epochs { get; init; } = 50;

    /// <summary>Batch size of both halves.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>"first" or "second" order architecture gradient.</summary>
    public string Order { get; init; } = "first";

    /// <summary><see cref="Order"/> as the architect's enum.</summary>
    [JsonIgnore]
    public SearchOrder OrderKind => Order == "second" ? SearchOrder.Second : SearchOrder.First;

    /// <summary>Share of the training clips that trains the weights; the rest trains the architecture.</summary>
    public double Portion { get; init; } = 0.5;

    /// <summary>How the bilevel halves are cut: "clips" (a class-stratified share of the training clips) or "speakers"
    /// (whole training speakers: the architecture weights learn on speakers the network weights never hear, so they
    /// are rewarded for generalising to new voices; <see cref="Corpora.BilevelSplit.BySpeakers"/>).</summary>
    public string Bilevel { get; init; } = Corpora.BilevelSplit.Clips;

    /// <summary>SGD learning rate of the weights, annealed by cosine to <see cref="LearningRateMin"/>.</summary>
    public double LearningRate { get; init; } = 0.025;

    public double LearningRateMin { get; init; } = 0.001;

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 3e-4;

    /// <summary>Gradient-norm clip of the weights (0: off).</summary>
    public double GradientClip { get; init; } = 5.0;

    /// <summary>Adam learning rate of the architecture weights.</summary>
    public double ArchLearningRate { get; init; } = 3e-4;

    public double ArchBeta1 { get; init; } = 0.5;

    public double ArchBeta2 { get; init; } = 0.999;

    public double ArchWeightDecay { get; init; } = 1e-3;

    /// <summary>Epochs that train only the weights before the architecture starts to move (P-DARTS/PC-DARTS
    /// warm-up): alphas learnt against random weights mostly learn the initialisation.</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>PC-DARTS K: 1/K of the channels go through each edge's operations (1: off).</summary>
    public int PartialChannels { get; init; } = 1;

    /// <summary>DARTS+ early stop once the normal cell holds more skip connections than this; null: off.</summary>
    public int? MaxNormalSkips { get; init; }

    /// <summary>Weight the loss by inverse class frequency (of the weight half).</summary>
    public bool ClassWeightedLoss { get; init; } = true;

    /// <summary>The search method (<see cref="SearchMethods"/>): darts, pc-darts, darts-minus, fair-darts,
    /// beta-darts or sdarts-rs.</summary>
    public string Method { get; init; } = SearchMethods.Darts;

    /// <summary>DARTS-: initial weight beta0 of the auxiliary skip, decayed linearly to 0 over the epochs.</summary>
    public double AuxiliarySkipWeight { get; init; } = 1.0;

    /// <summary>FairDARTS: weight w01 of the zero-one loss.</summary>
    public double ZeroOneWeight { get; init; } = 10.0;

    /// <summary>FairDARTS: an operation is kept when sigmoid(alpha) exceeds this.</summary>
    public double FairThreshold { get; init; } = 0.85;

    /// <summary>beta-DARTS: the largest weight lambda of the Beta-Decay loss (ramped linearly from 0).</summary>
    public double BetaDecayWeight { get; init; } = 1.0;

    /// <summary>SDARTS-RS: the largest half-width epsilon of the uniform noise on the mixing weights (ramped
    /// linearly from 0.03, as in the authors' code).</summary>
    public double SmoothingEpsilon { get; init; } = 0.3;

    /// <summary>P-DARTS skip cap at derivation: at most this many skip connections in the normal cell (the
    /// weakest are replaced by their edge's next operation); null: off.</summary>
    public int? MaxDerivedSkips { get; init; }

    /// <summary>Searches per trial, each with its own derived seed; the genotype whose brief training scores the
    /// best validation UA is kept, and the genotypes' agreement is reported.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Training epochs of each repeat's genotype when <see cref="Repeats"/> &gt; 1.</summary>
    public int RepeatTrainingEpochs { get; init; } = 5;

    /// <summary>K of a supernet with <paramref name="initChannels"/> channels: <see cref="PartialChannels"/>, or for
    /// pc-darts left at 1 PC-DARTS' K = 4, halved until every edge keeps at least 2 channels of the narrowest cell
    /// (with 1 channel per edge the small preset's supernet loss became NaN).</summary>
    public int PartialChannelsFor(int initChannels)
    {
        if (Method != SearchMethods.PcDarts || PartialChannels != 1) return PartialChannels;
        int k = SearchMethods.PcDartsDefaultK;
        while (k > 1 && (initChannels % k != 0 || initChannels / k < 2)) k /= 2;
        return k;
    }

    public IEnumerable<string> Errors(string path = "search")
    {
        if (Epochs < 1) yield return $"{path}.epochs must be >= 1";
        if (BatchSize < 2) yield return $"{path}.batchSize must be >= 2 (BatchNorm needs two samples)";
        if (Order is not ("first" or "second")) yield return $"{path}.order '{Order}' is not first or second";
        if (Portion is <= 0 or >= 1) yield return $"{path}.portion must be in (0, 1)";
        if (Bilevel is not (Corpora.BilevelSplit.Clips or Corpora.BilevelSplit.Speakers))
            yield return $"{path}.bilevel '{Bilevel}' is not {Corpora.BilevelSplit.Clips} or {Corpora.BilevelSplit.Speakers}";
        if (LearningRate <= 0) yield return $"{path}.learningRate must be > 0";
        if (LearningRateMin < 0 || LearningRateMin > LearningRate) yield return $"{path}.learningRateMin must be in [0, learningRate]";
        if (Momentum is < 0 or >= 1) yield return $"{path}.momentum must be in [0, 1)";
        if (WeightDecay < 0) yield return $"{path}.weightDecay must be >= 0";
        if (GradientClip < 0) yield return $"{path}.gradientClip must be >= 0 (0: off)";
        if (ArchLearningRate <= 0) yield return $"{path}.archLearningRate must be > 0";
        if (ArchBeta1 is < 0 or >= 1 || ArchBeta2 is < 0 or >= 1) yield return $"{path}.archBeta1 and archBeta2 must be in [0, 1)";
        if (ArchWeightDecay < 0) yield return $"{path}.archWeightDecay must be >= 0";
        if (WarmupEpochs < 0 || WarmupEpochs >= Epochs) yield return $"{path}.warmupEpochs must be in [0, epochs)";
        if (PartialChannels < 1) yield return $"{path}.partialChannels must be >= 1";
        if (MaxNormalSkips is < 0) yield return $"{path}.maxNormalSkips must be >= 0 or null";
        if (!SearchMethods.Names.Contains(Method)) yield return $"{path}.method '{Method}' is not one of {string.Join(", ", SearchMethods.Names)}";
        if (AuxiliarySkipWeight < 0) yield return $"{path}.auxiliarySkipWeight must be >= 0";
        if (ZeroOneWeight < 0) yield return $"{path}.zeroOneWeight must be >= 0";
        if (FairThreshold is <= 0 or >= 1) yield return $"{path}.fairThreshold must be in (0, 1)";
        if (BetaDecayWeight < 0) yield return $"{path}.betaDecayWeight must be >= 0";
        if (SmoothingEpsilon < 0) yield return $"{path}.smoothingEpsilon must be >= 0";
        if (MaxDerivedSkips is < 0) yield return $"{path}.maxDerivedSkips must be >= 0 or null";
        if (Repeats < 1) yield return $"{path}.repeats must be >= 1";
        if (RepeatTrainingEpochs < 1) yield return $"{path}.repeatTrainingEpochs must be >= 1";
    }

    public void Validate() => SpecErrors.ThrowIfAny(Errors(), "search settings");
}
