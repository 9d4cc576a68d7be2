using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LoyaltyStudio.Data.Bulk;

/// <summary>
/// A prepared SQLite statement whose parameters (plain <c>?</c> placeholders) are bound by position straight through
/// SQLitePCL. Microsoft.Data.Sqlite binds every parameter by name (SQLite finds a name by a linear scan, so a statement
/// of n parameters costs n² comparisons), allocates a binder and a UTF-8 copy per value and checks every name for a
/// missing value on each execution; measured, that was a quarter of the importer's time. Values are bound exactly as
/// Microsoft.Data.Sqlite binds them (same text for dates and decimals), so rows read back the same through EF Core.
/// Runs in the transaction the connection has open.
/// </summary>
internal sealed class SqliteInsertStatement : IDisposable
{
    // Microsoft.Data.Sqlite's text forms (SqliteValueBinder), so EF Core reads these rows back as it reads its own.
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private const string DecimalFormat = "0.0###########################";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteInsertStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection must be open to prepare a statement.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        ParameterCount = raw.sqlite3_bind_parameter_count(_statement);
    }

    public int ParameterCount { get; }

    /// <summary>Whether values of this provider type (after the model's converters) can be bound here.</summary>
    public static bool CanBind(Type providerType)
    {
        var type = Nullable.GetUnderlyingType(providerType) ?? providerType;
        if (type.IsEnum)
            type = Enum.GetUnderlyingType(type);
        return type == typeof(string) || type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
            || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(bool) || type == typeof(double)
            || type == typeof(float) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(byte[]);
    }

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void BindDouble(int index, double value)
    {
        if (double.IsNaN(value))
            throw new InvalidOperationException($"Cannot store NaN (parameter {index}); SQLite reads it back as NULL.");
        Check(raw.sqlite3_bind_double(_statement, index, value));
    }

    public void BindText(int index, ReadOnlySpan<char> value) =>
        // An empty span has no address, which SQLite takes for NULL; the string overload binds a real empty string.
        Check(value.IsEmpty ? raw.sqlite3_bind_text(_statement, index, string.Empty) : raw.sqlite3_bind_text16(_statement, index, value));

    public void BindDateTime(int index, DateTime value)
    {
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var length, DateTimeFormat, CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"Could not format {value:O} for SQLite.");
        BindText(index, text[..length]);
    }

    /// <summary>Binds a provider value (what the model's converters produce) the way Microsoft.Data.Sqlite would.</summary>
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null or DBNull: BindNull(index); break;
            case string s: BindText(index, s); break;
            case long l: BindInt64(index, l); break;
            case int i: BindInt64(index, i); break;
            case double d: BindDouble(index, d); break;
            case DateTime t: BindDateTime(index, t); break;
            case bool b: BindInt64(index, b ? 1 : 0); break;
            case decimal m:
                Span<char> text = stackalloc char[64];
                if (!m.TryFormat(text, out var length, DecimalFormat, CultureInfo.InvariantCulture))
                    throw new InvalidOperationException($"Could not format {m} for SQLite.");
                BindText(index, text[..length]);
                break;
            case float f: BindDouble(index, f); break;
            case short or byte or sbyte or ushort or uint or Enum: BindInt64(index, Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case byte[] blob: Check(raw.sqlite3_bind_blob(_statement, index, blob)); break;
            default: throw new NotSupportedException($"Cannot bind a {value.GetType().Name} to a SQLite parameter here.");
        }
    }

    /// <summary>Runs the statement with the values bound and makes it ready for the next ones.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            return;
        }
        var message = raw.sqlite3_errmsg(_db).utf8_to_string();
        var extended = raw.sqlite3_extended_errcode(_db);
        raw.sqlite3_reset(_statement);
        throw new SqliteException($"SQLite Error {rc}: '{message}'.", rc, extended);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
