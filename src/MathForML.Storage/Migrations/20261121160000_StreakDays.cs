using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>Schema v6: each attempt keeps the member's local day and zone at answer time (streaks never shift later).</summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class StreakDays : Migration
{
    public const string Id = "20261121160000_StreakDays";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "LocalDay", table: "Attempts", type: "TEXT", maxLength: 10, nullable: true);
        migrationBuilder.AddColumn<string>(name: "TimeZoneId", table: "Attempts", type: "TEXT", maxLength: 64, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "TimeZoneId", table: "Attempts");
        migrationBuilder.DropColumn(name: "LocalDay", table: "Attempts");
    }
}
