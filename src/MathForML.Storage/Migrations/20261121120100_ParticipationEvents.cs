using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>Schema v2: the participation log, and members' own time zones for streaks.</summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class ParticipationEvents : Migration
{
    public const string Id = "20261121120100_ParticipationEvents";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "TimeZoneId", table: "Members", type: "TEXT", maxLength: 64, nullable: true);

        migrationBuilder.CreateTable(
            name: "ParticipationEvents",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                DetailsJson = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParticipationEvents", x => x.Id);
                table.ForeignKey("FK_ParticipationEvents_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ParticipationEvents_StudyGroups_GroupId", x => x.GroupId, "StudyGroups", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ParticipationEvents_GroupId_OccurredAt", "ParticipationEvents", ["GroupId", "OccurredAt"]);
        migrationBuilder.CreateIndex("IX_ParticipationEvents_MemberId_OccurredAt", "ParticipationEvents", ["MemberId", "OccurredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ParticipationEvents");
        migrationBuilder.DropColumn(name: "TimeZoneId", table: "Members");
    }
}
