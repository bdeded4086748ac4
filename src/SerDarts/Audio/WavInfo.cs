namespace SerDarts.Audio;

/// <summary>What a WAV header says, after validation against the file's real size.</summary>
/// <param name="Encoding">Integer PCM or IEEE float.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="BitsPerSample">Container bits per sample (8, 16, 24, 32 or 64).</param>
/// <param name="Frames">Whole frames in the data chunk.</param>
public sealed record WavInfo(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, long Frames)
{
    public double DurationSeconds => (double)Frames / SampleRate;

    public int BytesPerSample => BitsPerSample / 8;

    public int BlockAlign => Channels * BytesPerSample;
}
