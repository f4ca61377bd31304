using BenchmarkDotNet.Running;

// Component benchmarks: `dotnet run -c Release --project bench/PressRoom.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
