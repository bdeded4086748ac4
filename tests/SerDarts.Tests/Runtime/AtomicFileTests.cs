using SerDarts.Runtime;

namespace SerDarts.Tests.Runtime;

public class AtomicFileTests
{
    [Fact]
    public void A_write_that_fails_midway_leaves_the_previous_file_and_no_temp_files()
    {
        var dir = Directory.CreateTempSubdirectory("serdarts-atomic").FullName;
        var path = Path.Combine(dir, "result.json");
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new-partial"u8);
            throw new IOException("simulated crash");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["result.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }
}
