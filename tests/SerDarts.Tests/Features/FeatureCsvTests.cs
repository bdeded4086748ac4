using SerDarts.Features;

namespace SerDarts.Tests.Features;

public class FeatureCsvTests
{
    [Fact]
    public void Csv_round_trips_float32_values_in_the_fixture_layout()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("serdarts-csv").FullName, "m.csv");
        var m = new double[,] { { 1.5, -2.25, 1e-10 }, { 0.1f, 123456.7f, -0.0 } };
        FeatureCsv.Write(path, m);
        Assert.Equal(["1.5,-2.25,1E-10", "0.1,123456.7,-0"], File.ReadAllLines(path));
        var back = FeatureCsv.Read(path);
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 3; c++) Assert.Equal((float)m[r, c], (float)back[r, c]);
    }

    [Fact]
    public void Ragged_csv_is_rejected_with_the_line()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("serdarts-csv").FullName, "bad.csv");
        File.WriteAllText(path, "1,2,3\n4,5\n");
        var e = Assert.Throws<InvalidDataException>(() => FeatureCsv.Read(path));
        Assert.Contains("line 2", e.Message);
    }
}
