using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>Schema v3: scheduled work as durable due items with a state.</summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class DueItems : Migration
{
    public const string Id = "20261121130000_DueItems";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DueItems",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                OccurrenceKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                MessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                PayloadJson = table.Column<string>(type: "TEXT", nullable: true),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DueItems", x => x.Id);
                table.ForeignKey("FK_DueItems_StudyGroups_GroupId", x => x.GroupId, "StudyGroups", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_DueItems_GroupId_Kind_OccurrenceKey", "DueItems", ["GroupId", "Kind", "OccurrenceKey"], unique: true);
        migrationBuilder.CreateIndex("IX_DueItems_State_DueAt", "DueItems", ["State", "DueAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DueItems");
}
