using BenchmarkDotNet.Running;
using PressRoom.Benchmarks;
using PressRoom.Benchmarks.Documents;

// Component benchmarks: `dotnet run -c Release --project bench/PressRoom.Benchmarks -- --filter '*'`.
// Peak memory of one document read: `dotnet run -c Release --project bench/PressRoom.Benchmarks -- peak pdf`.
if (args is ["peak", var format])
{
    PeakMemoryProbe.Run(format);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchCorpus).Assembly).Run(args);
