using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace SerDarts.Runtime;

/// <summary>TorchSharp's native backend could not be loaded; the message says why in one sentence.</summary>
public sealed class TorchRuntimeException(string reason, Exception? inner = null)
    : DllNotFoundException("SerDarts could not load TorchSharp's native backend: " + reason + ".", inner);
