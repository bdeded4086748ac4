namespace SerDarts.Notebooks;

/// <summary>Where a notebook's charts take plotly.js from (<see cref="NotebookPlotly.Loader"/>; the variable SERDARTS_PLOTLY picks it).</summary>
public enum PlotlySource
{
    /// <summary>The copy SerDarts carries (about 3.5 MB), written once into the notebook: charts render offline, also when the saved notebook is opened later.</summary>
    Embedded,

    /// <summary>cdn.plot.ly, for small notebook files where a browser with internet access will show them (SERDARTS_PLOTLY=cdn).</summary>
    Cdn,
}
