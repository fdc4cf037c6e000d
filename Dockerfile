# Build: docker build -t mathforml .
# Run:   docker run -it --rm -v mathforml-data:/app/data mathforml
#        (add -e MATHFORML__Discord__Token=... etc. to connect platforms; see README)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig MathForML.sln ./
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/MathForML.Host/MathForML.Host.csproj -c Release -o /app/publish --no-self-contained

# aspnet, not runtime: the Slack adapter's optional HTTP mode runs on ASP.NET Core (Microsoft.AspNetCore.App).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
COPY config/ ./config/
# The .NET images ship a non-root user "app"; the database folder must be writable by it.
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
VOLUME ["/app/data"]
# GCgen0size: a 4 MB gen0 budget instead of one sized from the host's L3 cache keeps an idle bot
# under its 100 MB RSS budget (README, "Memory"); it can only be set from the environment.
ENV DOTNET_NOLOGO=1 \
    DOTNET_GCgen0size=0x400000 \
    MATHFORML__Storage__DatabasePath=/app/data/mathforml.db \
    MATHFORML__Local__RendersDirectory=/app/data/renders
ENTRYPOINT ["dotnet", "mathforml.dll"]
