using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CampaignResponseEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignResponseEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    Group = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Treated = table.Column<int>(type: "int", nullable: false),
                    TreatedBuyers = table.Column<int>(type: "int", nullable: false),
                    Redeemed = table.Column<int>(type: "int", nullable: false),
                    Holdout = table.Column<int>(type: "int", nullable: false),
                    HoldoutBuyers = table.Column<int>(type: "int", nullable: false),
                    Basis = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CountedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignResponseEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignResponseEvidence_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignResponseEvidence_CampaignId_Group",
                table: "CampaignResponseEvidence",
                columns: new[] { "CampaignId", "Group" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignResponseEvidence");
        }
    }
}
