using Microsoft.Data.Sqlite;

namespace SerDarts.Tests.Experiments;

/// <summary>A fresh folder per test, removed afterwards (with the SQLite pools that may hold its files open).</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("serdarts-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
