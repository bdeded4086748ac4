namespace SerDarts.NotebookHost.Apps;

/// <summary>How <see cref="AppExport"/> references SerDarts.</summary>
/// <param name="LibraryProject">The absolute path of this checkout's src/SerDarts/SerDarts.csproj (a <c>#:project</c> directive).</param>
/// <param name="LibraryPackage">The package id a notebook's <c>#r "nuget: ..."</c> names for it; that line becomes the project reference.</param>
public sealed record AppExportOptions(string LibraryProject, string LibraryPackage = "SerDarts");
