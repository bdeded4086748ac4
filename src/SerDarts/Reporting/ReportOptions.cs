using System.Globalization;
using SerDarts.Runtime;

namespace SerDarts.Reporting;

/// <summary>What a report covers.</summary>
/// <param name="Suite">One suite label, or null for every suite in the store.</param>
/// <param name="Title">Page title.</param>
public sealed record ReportOptions(string? Suite = null, string Title = "SerDarts results");
