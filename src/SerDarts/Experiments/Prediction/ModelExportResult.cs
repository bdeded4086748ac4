namespace SerDarts.Experiments.Prediction;

/// <summary>The files <see cref="ModelExport.Export"/> wrote.</summary>
/// <param name="StateDict">The PyTorch state dict (absolute path).</param>
/// <param name="Description">The JSON description beside it.</param>
/// <param name="Tensors">Parameters and buffers in the state dict.</param>
/// <param name="Parameters">Trainable parameters, the auxiliary head excluded.</param>
public sealed record ModelExportResult(string StateDict, string Description, int Tensors, long Parameters);
