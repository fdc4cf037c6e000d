using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>Schema v4: reading plans, one per group; participation events get a subject.</summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class ReadingPlans : Migration
{
    public const string Id = "20261121140000_ReadingPlans";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReadingPlans",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                BookId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                PlanJson = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReadingPlans", x => x.Id);
                table.ForeignKey("FK_ReadingPlans_StudyGroups_GroupId", x => x.GroupId, "StudyGroups", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ReadingPlans_GroupId", "ReadingPlans", "GroupId", unique: true);

        migrationBuilder.AddColumn<string>(name: "Subject", table: "ParticipationEvents", type: "TEXT", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_ParticipationEvents_GroupId_Kind_Subject", "ParticipationEvents", ["GroupId", "Kind", "Subject"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ParticipationEvents_GroupId_Kind_Subject", "ParticipationEvents");
        migrationBuilder.DropColumn(name: "Subject", table: "ParticipationEvents");
        migrationBuilder.DropTable("ReadingPlans");
    }
}
