using System.Diagnostics;
using System.Runtime;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// One cold start on the database file in args[0]: how long SqliteDatabase.InitializeAsync takes, then
// the first query through a store (model, query pipeline and connection all cold), and the methods
// the JIT compiled for each. The process is new each time, as after a restart.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: MathForML.Storage.Benchmarks <database file>");
    return 2;
}

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = args[0] })
    .Build();
using var services = new ServiceCollection().AddLogging().AddMathForMLStorage(configuration).BuildServiceProvider();
var database = services.GetRequiredService<SqliteDatabase>();

var jitBefore = JitInfo.GetCompiledMethodCount();
var clock = Stopwatch.StartNew();
await database.InitializeAsync(CancellationToken.None);
var ready = clock.Elapsed;
var jitReady = JitInfo.GetCompiledMethodCount();

clock.Restart();
var groups = services.GetRequiredService<IStudyGroupStore>();
await groups.FindByHomeAsync(new ConversationRef(ChatPlatform.Local, "bench", "bench", null), CancellationToken.None);
var firstQuery = clock.Elapsed;
var jitQuery = JitInfo.GetCompiledMethodCount();

Console.WriteLine(FormattableString.Invariant(
    $"ready {ready.TotalMilliseconds:F0} ms ({jitReady - jitBefore} methods JIT-compiled), first query {firstQuery.TotalMilliseconds:F0} ms ({jitQuery - jitReady} more)"));
return 0;
