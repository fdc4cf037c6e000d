using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>Schema v7: members can keep their name off leaderboards.</summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class LeaderboardPrivacy : Migration
{
    public const string Id = "20261121170000_LeaderboardPrivacy";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>(name: "HiddenFromLeaderboards", table: "Members", type: "INTEGER", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "HiddenFromLeaderboards", table: "Members");
}
