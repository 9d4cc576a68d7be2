using System.Linq.Expressions;
using LoyaltyStudio.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Customers;

/// <summary>
/// Turns what a user typed into one WHERE clause of case-insensitive prefix matches that the database answers
/// from its indexes (external id, e-mail, last name + first name).
/// </summary>
/// <remarks>
/// A plain case-insensitive LIKE cannot use SQLite's (binary) indexes, so each prefix becomes a small set of
/// index ranges — the spelling as typed, lower case, upper case and capitalised — each confirmed by a LIKE.
/// SQLite answers such an OR with one index range per term; SQL Server's case-insensitive collation covers all
/// spellings with the same ranges. The phone has no index: it is matched only when the term looks like a phone number.
/// </remarks>
public static class CustomerSearchTerm
{
    /// <summary>Longest term accepted; longer input is refused with a message.</summary>
    public const int MaxLength = 100;

    private const int MinPhoneDigits = 4;

    /// <summary>Customers whose external id starts with <paramref name="term"/> — the only search open to masked roles.</summary>
    public static Expression<Func<Customer, bool>> ExternalIdStartsWith(string term) =>
        AnyOf(Prefix(c => c.ExternalId, term));

    /// <summary>Customers whose external id, e-mail, last name (or "first last" / "last, first") or phone starts with the term.</summary>
    public static Expression<Func<Customer, bool>> AnyFieldStartsWith(string term)
    {
        var terms = new List<Expression<Func<Customer, bool>>>();
        terms.AddRange(Prefix(c => c.ExternalId, term));
        terms.AddRange(Prefix(c => c.Email!, term));
        var (first, last) = SplitName(term);
        var lastNames = Prefix(c => c.LastName, last);
        terms.AddRange(first is null ? lastNames : lastNames.Select(t => And(t, FirstNameStartsWith(first))));
        if (LooksLikePhone(term))
            terms.Add(c => c.Phone != null && EF.Functions.Like(c.Phone, LikePrefix(term), EscapeText));
        return AnyOf(terms);
    }

    /// <summary>"Jane Sm" → (Jane, Sm); "Smith, Ja" → (Ja, Smith); "Smith" → (null, Smith).</summary>
    internal static (string? First, string Last) SplitName(string term)
    {
        var comma = term.IndexOf(',');
        if (comma > 0)
        {
            var afterComma = term[(comma + 1)..].Trim();
            return (afterComma.Length == 0 ? null : afterComma, term[..comma].Trim());
        }
        var space = term.LastIndexOf(' ');
        return space > 0 ? (term[..space].Trim(), term[(space + 1)..]) : (null, term);
    }

    internal static bool LooksLikePhone(string term) =>
        term.All(c => char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')') && term.Count(char.IsDigit) >= MinPhoneDigits;

    private const string EscapeText = "\\";

    private static string LikePrefix(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static Expression<Func<Customer, bool>> FirstNameStartsWith(string first)
    {
        var pattern = LikePrefix(first);
        return c => EF.Functions.Like(c.FirstName, pattern, EscapeText);
    }

    /// <summary>One index range per spelling, each confirmed by a case-insensitive LIKE.</summary>
    private static IEnumerable<Expression<Func<Customer, bool>>> Prefix(Expression<Func<Customer, string>> column, string prefix)
    {
        var pattern = LikePrefix(prefix);
        foreach (var spelling in Spellings(prefix))
        {
            var upper = Successor(spelling);
            var c = column.Parameters[0];
            var value = column.Body;
            Expression condition = Expression.AndAlso(
                Expression.GreaterThanOrEqual(Compare(value, spelling), Expression.Constant(0)),
                upper is null ? Expression.Constant(true) : Expression.LessThan(Compare(value, upper), Expression.Constant(0)));
            condition = Expression.AndAlso(condition, Like(value, pattern));
            yield return Expression.Lambda<Func<Customer, bool>>(condition, c);
        }
    }

    private static IEnumerable<string> Spellings(string prefix)
    {
        var capitalised = prefix.Length == 0 ? prefix
            : char.ToUpperInvariant(prefix[0]) + prefix[1..].ToLowerInvariant();
        return new[] { prefix, prefix.ToLowerInvariant(), prefix.ToUpperInvariant(), capitalised }.Distinct(StringComparer.Ordinal);
    }

    /// <summary>The smallest string above every string starting with <paramref name="prefix"/>, or null if there is none.</summary>
    private static string? Successor(string prefix)
    {
        var last = prefix[^1];
        return last == char.MaxValue || char.IsSurrogate(last) ? null : prefix[..^1] + (char)(last + 1);
    }

    private static readonly System.Reflection.MethodInfo CompareMethod =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo LikeMethod =
        typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    // Values are wrapped in closures, so EF Core sends them as parameters rather than inlining them as SQL literals.
    private static MethodCallExpression Compare(Expression column, string value) =>
        Expression.Call(CompareMethod, column, Parameter(value));

    private static MethodCallExpression Like(Expression column, string pattern) =>
        Expression.Call(LikeMethod, Expression.Constant(EF.Functions), column, Parameter(pattern), Parameter(EscapeText));

    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Holder(value)), nameof(Holder.Value));

    private sealed record Holder(string Value);

    private static Expression<Func<Customer, bool>> And(Expression<Func<Customer, bool>> left, Expression<Func<Customer, bool>> right) =>
        Expression.Lambda<Func<Customer, bool>>(Expression.AndAlso(left.Body, Rebind(right, left.Parameters[0])), left.Parameters);

    private static Expression<Func<Customer, bool>> AnyOf(IEnumerable<Expression<Func<Customer, bool>>> terms)
    {
        var parameter = Expression.Parameter(typeof(Customer), "c");
        var body = terms.Select(t => Rebind(t, parameter)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Customer, bool>>(body, parameter);
    }

    private static Expression Rebind(Expression<Func<Customer, bool>> lambda, ParameterExpression parameter) =>
        new ParameterSwap(lambda.Parameters[0], parameter).Visit(lambda.Body);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
