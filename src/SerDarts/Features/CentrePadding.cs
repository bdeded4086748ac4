namespace SerDarts.Features;

/// <summary>Extends a clip by n_fft/2 samples on each side, as torch.stft(center=True) does before framing.</summary>
internal static class CentrePadding
{
    /// <summary>
    /// <paramref name="row"/> holds the clip at [pad, pad + length); fills [0, pad) and [pad + length, length + 2 pad).
    /// </summary>
    public static void ApplyInPlace(Span<float> row, int pad, int length, PadMode mode)
    {
        var left = row[..pad];
        var right = row.Slice(pad + length, pad);
        if (mode == PadMode.Constant)
        {
            left.Clear();
            right.Clear();
            return;
        }
        if (length <= pad)
            throw new ArgumentException(
                $"a clip of {length} samples is too short for reflect padding of {pad} samples (need at least {pad + 1})");
        // Mirror without repeating the edge sample: x[pad], ..., x[1] | x[0] ... x[n-1] | x[n-2], ..., x[n-1-pad].
        var clip = row.Slice(pad, length);
        for (int i = 0; i < pad; i++) left[i] = clip[pad - i];
        for (int i = 0; i < pad; i++) right[i] = clip[length - 2 - i];
    }
}
