namespace SerDarts.Runtime;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the calling thread. <see cref="Progress{T}"/> posts to the
/// thread pool, which reorders reports and cannot touch thread-static TorchSharp dispose scopes.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
