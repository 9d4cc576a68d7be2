using System.Text;

namespace LoyaltyStudio.Web.Features.Customers;

/// <summary>
/// Hides most of a customer's name, e-mail and phone for roles that need only aggregates
/// (ARCHITECTURE.md, "Who sees what"). Applied on the server, so the browser never receives the full value.
/// </summary>
public static class PersonalDataMask
{
    private const char Hidden = '*';

    /// <summary>Each word keeps its first letter: "Jane Smith" becomes "J*** S****".</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(KeepFirst));
    }

    /// <summary>
    /// First letter of the mailbox and of the domain, the top-level domain in full:
    /// "jane.smith@example.com" becomes "j***@e******.com". The mailbox always shows three stars, so its length is not told.
    /// </summary>
    public static string? Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
            return KeepFirst(email);
        var mailbox = email[..at];
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var maskedDomain = dot > 0 ? KeepFirst(domain[..dot]) + domain[dot..] : KeepFirst(domain);
        return $"{mailbox[0]}{new string(Hidden, 3)}@{maskedDomain}";
    }

    /// <summary>Every digit but the last two hidden, the layout kept: "+44 7123 456789" becomes "+** **** ****89".</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        var digitsToHide = phone.Count(char.IsDigit) - 2;
        var masked = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (char.IsDigit(c) && digitsToHide > 0)
            {
                masked.Append(Hidden);
                digitsToHide--;
            }
            else
            {
                masked.Append(c);
            }
        }
        return masked.ToString();
    }

    private static string KeepFirst(string word) =>
        word.Length <= 1 ? new string(Hidden, 1) : word[0] + new string(Hidden, word.Length - 1);
}
