using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>Schema v1: groups, members, posted problems and attempts.</summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class InitialSchema : Migration
{
    public const string Id = "20261121120000_InitialSchema";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StudyGroups",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                WorkspaceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                SettingsJson = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StudyGroups", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Members",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                PlatformUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Members", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ProblemPosts",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                ProblemId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                ProblemVersion = table.Column<int>(type: "INTEGER", nullable: false),
                Seed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                DeadlineAt = table.Column<long>(type: "INTEGER", nullable: false),
                RevealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                PlatformMessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                ThreadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProblemPosts", x => x.Id);
                table.ForeignKey("FK_ProblemPosts_StudyGroups_GroupId", x => x.GroupId, "StudyGroups", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Attempts",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ProblemPostId = table.Column<long>(type: "INTEGER", nullable: false),
                MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                AttemptNumber = table.Column<int>(type: "INTEGER", nullable: false),
                RawInput = table.Column<string>(type: "TEXT", nullable: false),
                Reading = table.Column<string>(type: "TEXT", nullable: true),
                Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                ReasonCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                Score = table.Column<double>(type: "REAL", nullable: false),
                SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attempts", x => x.Id);
                table.ForeignKey("FK_Attempts_Members_MemberId", x => x.MemberId, "Members", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Attempts_ProblemPosts_ProblemPostId", x => x.ProblemPostId, "ProblemPosts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_StudyGroups_Platform_WorkspaceId_ChannelId", "StudyGroups", ["Platform", "WorkspaceId", "ChannelId"], unique: true);
        migrationBuilder.CreateIndex("IX_Members_Platform_PlatformUserId", "Members", ["Platform", "PlatformUserId"], unique: true);
        migrationBuilder.CreateIndex("IX_ProblemPosts_GroupId_PostedAt", "ProblemPosts", ["GroupId", "PostedAt"]);
        migrationBuilder.CreateIndex("IX_Attempts_ProblemPostId_MemberId", "Attempts", ["ProblemPostId", "MemberId"]);
        migrationBuilder.CreateIndex("IX_Attempts_MemberId_SubmittedAt", "Attempts", ["MemberId", "SubmittedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Attempts");
        migrationBuilder.DropTable("ProblemPosts");
        migrationBuilder.DropTable("Members");
        migrationBuilder.DropTable("StudyGroups");
    }
}
