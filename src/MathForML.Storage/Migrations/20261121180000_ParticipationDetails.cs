using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>Schema v8: recorded actions can keep a short free text (a thread question's opening words).</summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class ParticipationDetails : Migration
{
    public const string Id = "20261121180000_ParticipationDetails";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "Detail", table: "ParticipationEvents", type: "TEXT", maxLength: 200, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Detail", table: "ParticipationEvents");
}
