using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

public sealed class CorpusOptionsTests : IDisposable
{
    private readonly IemocapTree tree = new(sessions: 2);

    private CorpusScan Scan(CorpusOptions options) => new IemocapLoader().Scan(tree.Root, options);

    private IEnumerable<string> Ids(Func<IemocapTree.Turn, bool> keep) =>
        tree.Turns.Where(keep).Select(t => t.Id).Order(StringComparer.Ordinal);

    [Fact]
    public void Improvised_scripted_and_all_select_dialogs_by_name()
    {
        Assert.Equal(Ids(_ => true), Scan(CorpusOptions.Default).Utterances.Select(u => u.Id));
        Assert.Equal(Ids(t => t.Dialog.Contains("impro")), Scan(new() { Dialogs = DialogKind.Improvised }).Utterances.Select(u => u.Id));
        Assert.Equal(Ids(t => t.Dialog.Contains("script")), Scan(new() { Dialogs = DialogKind.Scripted }).Utterances.Select(u => u.Id));
    }

    [Fact]
    public void Excited_is_merged_into_happy_or_left_out_of_the_four_classes()
    {
        int excited = tree.Turns.Count(t => t.Code == "exc");
        int happy = tree.Turns.Count(t => t.Code == "hap");
        Assert.True(excited > 0 && happy > 0);

        var merged = Scan(CorpusOptions.Default);
        Assert.Equal(happy + excited, merged.FourClass().Utterances.Count(u => u.Emotion == "happy"));
        Assert.False(merged.DroppedLabels.ContainsKey("exc"));

        var left = Scan(new() { Excited = ExcitedLabel.LeaveOut });
        Assert.Equal(happy, left.FourClass().Utterances.Count(u => u.Emotion == "happy"));
        Assert.Equal(excited, left.DroppedLabels["exc"]);
        Assert.DoesNotContain(left.FourClass().Utterances, u => u.Extras["label"] == "exc");
        Assert.Equal(tree.Turns.Count(t => t.Code is "neu" or "hap" or "sad" or "ang"), left.FourClass().Utterances.Count);
    }

    [Fact]
    public void One_recording_per_improvisation_keeps_the_first_folder_of_each_session_and_number()
    {
        // Ses01F_impro01 and Ses01M_impro01 record the same improvisation: only the first (ordinal) stays.
        var scan = Scan(new() { OneRecordingPerImprovisation = true });
        Assert.Equal(Ids(t => !t.Dialog.Contains("M_impro01")), scan.Utterances.Select(u => u.Id));
        var emodarts = Scan(CorpusOptions.Emodarts).Utterances;
        Assert.Equal(["Ses01F_impro01", "Ses01F_impro02", "Ses02F_impro01", "Ses02F_impro02"], emodarts.Select(u => u.Extras["dialog"]).Distinct());
        Assert.Equal(["Ses01F", "Ses01M", "Ses02F", "Ses02M"], emodarts.Select(u => u.Speaker).Distinct().Order());
    }

    [Fact]
    public void Canonical_strings_tell_every_subset_apart_and_parse_back()
    {
        var all = from d in Enum.GetValues<DialogKind>()
                  from e in Enum.GetValues<ExcitedLabel>()
                  from o in new[] { false, true }
                  select new CorpusOptions { Dialogs = d, Excited = e, OneRecordingPerImprovisation = o };
        var options = all.ToList();
        Assert.Equal(options.Count, options.Select(o => o.CanonicalString()).Distinct().Count());
        Assert.All(options, o => Assert.Equal(o, CorpusOptions.Parse(o.CanonicalString())));
        Assert.Equal("dialogs=all;excited=happy;impro=all-recordings", CorpusOptions.Default.CanonicalString());
        Assert.Equal("dialogs=improvised;excited=leave-out;impro=one-recording", CorpusOptions.Emodarts.CanonicalString());
        Assert.Equal(CorpusOptions.Emodarts, CorpusOptions.Parse(" impro=one-recording; Excited=Leave-Out ;dialogs=improvised"));
        Assert.True(CorpusOptions.Parse("").IsDefault);
        Assert.Contains("cannot read 'excited=maybe'", Assert.Throws<FormatException>(() => CorpusOptions.Parse("excited=maybe")).Message);
    }

    public void Dispose() => tree.Dispose();
}
