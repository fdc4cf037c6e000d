using MathForML.Host.Cli;

return await CliApplication.RunAsync(args, CliIo.FromConsole());
