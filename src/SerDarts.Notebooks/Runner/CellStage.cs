namespace SerDarts.Notebooks.Runner;

public enum CellStage { Started, Succeeded, Failed }
