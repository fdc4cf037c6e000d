namespace MathForML.TestKit;

/// <summary>Locates the repository checkout (the folder with MathForML.sln) from a test's output directory.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "MathForML.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Repository root (MathForML.sln) not found.");
        }
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
