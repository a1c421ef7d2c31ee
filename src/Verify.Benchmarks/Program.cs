using BenchmarkDotNet.Running;

// `make bench` runs every benchmark of this assembly (BenchmarkDotNet picks them up by attribute).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
