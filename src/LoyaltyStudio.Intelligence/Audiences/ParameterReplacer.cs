using System.Linq.Expressions;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>Rewrites a lambda body onto another parameter, so separately written filters combine into one expression EF Core can translate.</summary>
internal sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);

    public static Expression Body<T, TResult>(Expression<Func<T, TResult>> lambda, Expression target) =>
        new ParameterReplacer(lambda.Parameters[0], target).Visit(lambda.Body);
}
