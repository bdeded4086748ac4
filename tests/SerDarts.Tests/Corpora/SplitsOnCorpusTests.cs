using System.Text.RegularExpressions;
using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

/// <summary>Every split protocol on a generated IEMOCAP tree, scanned by the loader as experiments scan it.</summary>
public sealed partial class SplitsOnCorpusTests : IDisposable
{
    private readonly IemocapTree tree = new();

    public static TheoryData<string> EverySpeakerProtocols() => ["loso", "lospk", "kfold:3", "kfold:5", "emodarts"];

    private IReadOnlyList<Utterance> FourClass(CorpusOptions options) => new IemocapLoader().Scan(tree.Root, options).FourClass().Utterances;

    [Theory]
    [MemberData(nameof(EverySpeakerProtocols))]
    public void Every_speaker_is_tested_once_and_never_trained_or_validated_on(string protocol)
    {
        foreach (var options in new[] { CorpusOptions.Default, CorpusOptions.Emodarts })
        {
            var all = FourClass(options);
            var folds = Splits.Folds(all, SplitProtocol.Parse(protocol), seed: 17);
            var tested = folds.SelectMany(f => f.Test.Select(u => u.Speaker).Distinct()).ToList();
            Assert.Equal(10, tested.Count);
            Assert.Equal(all.Select(u => u.Speaker).Distinct().Order(), tested.Order());
            foreach (var f in folds)
            {
                var test = f.Test.Select(u => u.Speaker).ToHashSet();
                Assert.DoesNotContain(f.Train, u => test.Contains(u.Speaker));
                Assert.DoesNotContain(f.Validation, u => test.Contains(u.Speaker));
                Assert.DoesNotContain(f.Train, u => f.ValidationSpeakers.Contains(u.Speaker));
                // On two-speaker sessions every protocol here partitions the corpus into the three parts.
                Assert.Equal(all.Select(u => u.Id).Order(), f.Train.Concat(f.Validation).Concat(f.Test).Select(u => u.Id).Order());
            }
            Assert.Equal(all.Count, folds.Sum(f => f.Test.Count));
        }
    }

    [Fact]
    public void Loso_folds_test_each_speaker_with_the_dialogue_partner_validating()
    {
        var folds = Splits.Folds(FourClass(CorpusOptions.Default), SplitProtocol.LeaveOneSessionOut, 0);
        Assert.Equal(10, folds.Count);
        foreach (var f in folds)
        {
            var test = Assert.Single(f.TestSpeakers);
            Assert.Equal(test[..5] + (test[5] == 'F' ? "M" : "F"), Assert.Single(f.ValidationSpeakers));
            Assert.DoesNotContain(f.Train, u => u.Speaker.StartsWith(test[..5], StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"Ses(\d{2}).*([F|M])\d{3}")]
    private static partial Regex AuthorsSpeaker();

    [Fact]
    public void Emodarts_folds_equal_the_authors_fold_definition()
    {
        // prepare_kfold_dataset_iemocap.py: k_folds_exclusions, and get_speaker's regex on the utterance id.
        var exclusions = new Dictionary<int, string[]>
        {
            [1] = ["01_M", "02_F"], [2] = ["02_M", "03_F"], [3] = ["03_M", "04_F"], [4] = ["04_M", "05_F"], [5] = ["05_M", "01_F"],
        };
        string Authors(Utterance u)
        {
            var m = AuthorsSpeaker().Match(u.Id);
            return $"{m.Groups[1].Value}_{m.Groups[2].Value}";
        }
        var all = FourClass(CorpusOptions.Emodarts);
        var folds = Splits.Folds(all, SplitProtocol.Emodarts, seed: 0);
        Assert.Equal(5, folds.Count);
        foreach (var f in folds)
        {
            var held = exclusions[f.Index + 1];
            Assert.Equal(held.Order(), f.Test.Select(Authors).Distinct().Order());
            Assert.Equal(all.Where(u => held.Contains(Authors(u))).Select(u => u.Id), f.Test.Select(u => u.Id));
            // The authors train on everyone else; SerDarts takes the next fold's pair out of that for validation.
            var next = exclusions[(f.Index + 1) % 5 + 1];
            Assert.Equal(next.Order(), f.Validation.Select(Authors).Distinct().Order());
            Assert.Equal(all.Where(u => !held.Contains(Authors(u))).Select(u => u.Id).Order(),
                f.Train.Concat(f.Validation).Select(u => u.Id).Order());
            Assert.StartsWith($"fold{f.Index + 1} test:", f.Name);
        }
    }

    [Fact]
    public void Emodarts_needs_exactly_the_ten_iemocap_speakers()
    {
        var all = FourClass(CorpusOptions.Default);
        var fourSessions = all.Where(u => u.Session != "Session5").ToList();
        var e = Assert.Throws<ArgumentException>(() => Splits.Folds(fourSessions, SplitProtocol.Emodarts, 0));
        Assert.Contains("missing: Ses05F, Ses05M", e.Message);
        var extra = all.Append(all[0] with { Id = "x", Speaker = "Actor_01" }).ToList();
        Assert.Contains("not IEMOCAP speakers: Actor_01", Assert.Throws<ArgumentException>(() => Splits.Folds(extra, SplitProtocol.Emodarts, 0)).Message);
    }

    [Fact]
    public void Authors_speaker_names_map_onto_loader_ids()
    {
        Assert.Equal(["Ses01M", "Ses02F", "Ses05M", "Ses01F"], new[] { "01_M", "02_F", "05_M", "01_F" }.Select(EmodartsFolds.SpeakerId));
        Assert.Throws<FormatException>(() => EmodartsFolds.SpeakerId("1_M"));
        Assert.Throws<FormatException>(() => EmodartsFolds.SpeakerId("01_X"));
    }

    public void Dispose() => tree.Dispose();
}
