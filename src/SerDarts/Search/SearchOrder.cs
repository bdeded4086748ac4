namespace SerDarts.Search;

/// <summary>DARTS approximation of the architecture gradient.</summary>
public enum SearchOrder
{
    /// <summary>dL_val/dalpha at the current weights.</summary>
    First,
    /// <summary>Unrolled one-step lookahead with the finite-difference Hessian-vector product.</summary>
    Second,
}
