#!/usr/bin/env bash
# Regenerates the EF Core compiled model in this folder after an entity or its configuration changed
# (CompiledModelTests fail until you do). Uses the dotnet-ef pinned in .config/dotnet-tools.json and the
# design-time project tools/MathForML.Storage.Design.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dotnet tool restore >/dev/null
dotnet build tools/MathForML.Storage.Design --nologo -v quiet >/dev/null
find src/MathForML.Storage/CompiledModel -name '*.cs' -delete
dotnet ef dbcontext optimize --no-build \
  --project src/MathForML.Storage --startup-project tools/MathForML.Storage.Design \
  --context MathForMLDbContext --output-dir CompiledModel --namespace MathForML.Storage.CompiledModel
# SqliteDatabase.Configure passes the model with UseModel; without the assembly attribute, contexts
# built without UseModel (the design-time factory, the tests' reference) build theirs from the configurations.
rm src/MathForML.Storage/CompiledModel/MathForMLDbContextAssemblyAttributes.cs
