namespace SerDarts.Notebooks;

/// <summary>
/// What an exported notebook app knows of its notebook (written into the app by <c>serdarts notebook export</c>).
/// </summary>
/// <param name="Title">The page title: the notebook's first heading, or its file name.</param>
/// <param name="NotebookPath">The .ipynb it was exported from (absolute); its folder is the working directory,
/// as in the kernel, so relative paths in cells resolve the same way.</param>
/// <param name="PagePath">Where the HTML page goes when the runtime cannot say where the app's file is
/// (<c>dotnet run app.cs</c> says it: the page then goes beside it as app.html).</param>
/// <param name="Parameters">The names the notebook's parameters cell declares, in order.</param>
public sealed record NotebookAppInfo(string Title, string NotebookPath, string PagePath, IReadOnlyList<string> Parameters);
