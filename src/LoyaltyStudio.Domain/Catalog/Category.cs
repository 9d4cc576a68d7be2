namespace LoyaltyStudio.Domain.Catalog;

/// <summary>A product category (coffee, tea, equipment...).</summary>
public class Category
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    private Category() { }

    public Category(string code, string name)
    {
        Code = code;
        Name = name;
    }
}
