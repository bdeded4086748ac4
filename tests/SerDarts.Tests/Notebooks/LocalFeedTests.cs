using SerDarts.NotebookHost.Runner;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Notebooks;

public class LocalFeedTests
{
    private const string Setup = """{"cells":[{"source":["#r \"nuget: SerDarts, 0.3.1\"\n","#r \"nuget: TorchSharp-cpu, 0.107.0\"\n"]}]}""";

    private const string Config = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="serdarts-local" value="../artifacts/feed" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
        </configuration>
        """;

    [Fact]
    public void The_requested_version_is_read_from_the_setup_cell_as_nbformat_stores_it()
    {
        Assert.Equal("0.3.1", LocalFeed.RequestedVersion(Setup));
        Assert.Null(LocalFeed.RequestedVersion("""{"cells":[{"source":["#r \"nuget: TorchSharp-cpu, 0.107.0\""]}]}"""));
    }

    [Fact]
    public void Local_sources_are_the_nearest_configs_folders_resolved_against_it_and_urls_are_left_out()
    {
        using var folder = new TempFolder();
        var notebooks = Directory.CreateDirectory(Path.Combine(folder.Path, "notebooks", "sub")).Parent!.FullName;
        File.WriteAllText(Path.Combine(notebooks, "NuGet.config"), Config);
        Assert.Equal([Path.Combine(folder.Path, "artifacts", "feed")], LocalFeed.LocalSources(Path.Combine(notebooks, "sub")));
    }

    [Fact]
    public void A_missing_feed_with_no_checkout_to_pack_is_an_error_that_names_the_feed_and_the_command()
    {
        using var folder = new TempFolder();
        var notebook = Notebook(folder.Path);
        var error = Assert.Throws<IOException>(() => LocalFeed.EnsurePacked(notebook));
        Assert.Contains(Path.Combine(folder.Path, "artifacts", "feed"), error.Message);
        Assert.Contains("SerDarts.0.3.1.nupkg", error.Message);
        Assert.Contains("run `dotnet pack src/SerDarts -c Release`", error.Message);
    }

    [Fact]
    public void A_feed_that_holds_the_version_is_left_alone()
    {
        using var folder = new TempFolder();
        var notebook = Notebook(folder.Path);
        var feed = Directory.CreateDirectory(Path.Combine(folder.Path, "artifacts", "feed")).FullName;
        File.WriteAllText(Path.Combine(feed, "SerDarts.0.3.1.nupkg"), "");
        var said = new List<string>();
        LocalFeed.EnsurePacked(notebook, said.Add);
        Assert.Empty(said);
    }

    private static string Notebook(string root)
    {
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        File.WriteAllText(Path.Combine(notebooks, "NuGet.config"), Config);
        var notebook = Path.Combine(notebooks, "01.ipynb");
        File.WriteAllText(notebook, Setup);
        return notebook;
    }
}
