using BenchmarkDotNet.Running;
using PressRoom.Benchmarks;
using PressRoom.Benchmarks.Documents;

// Component benchmarks: `dotnet run -c Release --project bench/PressRoom.Benchmarks -- --filter '*'`.
// Peak memory of one document read: `dotnet run -c Release --project bench/PressRoom.Benchmarks -- peak pdf`.
// Time to reject and peak memory of one resource bomb, with the default budgets: `... -- bomb pdf-flate` (see BombProbe).
if (args is ["bomb", var bomb])
{
    return BombProbe.Run(bomb);
}

if (args is ["peak", var format])
{
    PeakMemoryProbe.Run(format);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchCorpus).Assembly).Run(args);
return 0;
