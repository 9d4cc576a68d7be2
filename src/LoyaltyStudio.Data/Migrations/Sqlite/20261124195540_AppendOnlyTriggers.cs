using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LoyaltyStudio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppendOnlyTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The guard in EF Core (AppendOnlyGuard) stops the application; these stop raw SQL and other tools too.
            migrationBuilder.Sql("CREATE TRIGGER TR_PointsLedger_AppendOnly_Update BEFORE UPDATE ON \"PointsLedger\" BEGIN SELECT RAISE(ABORT, 'PointsLedger is append-only: entries are never changed or deleted; correct a balance with an adjustment entry.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER TR_PointsLedger_AppendOnly_Delete BEFORE DELETE ON \"PointsLedger\" BEGIN SELECT RAISE(ABORT, 'PointsLedger is append-only: entries are never changed or deleted; correct a balance with an adjustment entry.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER TR_AuditEntries_AppendOnly_Update BEFORE UPDATE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: audit entries are never changed or deleted.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER TR_AuditEntries_AppendOnly_Delete BEFORE DELETE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only: audit entries are never changed or deleted.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_PointsLedger_AppendOnly_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_PointsLedger_AppendOnly_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_AuditEntries_AppendOnly_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS TR_AuditEntries_AppendOnly_Delete;");
        }
    }
}
