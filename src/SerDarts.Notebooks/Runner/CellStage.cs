namespace SerDarts.NotebookHost.Runner;

public enum CellStage { Started, Succeeded, Failed }
