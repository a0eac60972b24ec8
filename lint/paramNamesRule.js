// @ts-check
/**
 * ESLint rule `local/param-names`: every `@param name` of a doc comment names a parameter of the
 * function it documents (tsdoc/syntax checks the syntax of comments, not what they refer to).
 * Destructured parameters have no name to check against and are skipped.
 */

/** @param {any} parameter a function parameter (typescript-eslint AST) @returns {string | null} */
function parameterName(parameter) {
  if (parameter.type === 'TSParameterProperty') return parameterName(parameter.parameter);
  if (parameter.type === 'AssignmentPattern') return parameterName(parameter.left);
  if (parameter.type === 'RestElement') return parameterName(parameter.argument);
  return parameter.type === 'Identifier' ? parameter.name : null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'A doc comment’s @param names a parameter of its function.' },
    schema: [],
    messages: { unknown: '@param "{{name}}" is not a parameter of this function (parameters: {{parameters}}).' },
  },
  create(context) {
    const source = context.sourceCode;

    /** @param {any} node a function-like node */
    function check(node) {
      // The doc comment sits before the outermost statement that holds the function.
      let holder = node;
      while (
        holder.parent &&
        [
          'ExportNamedDeclaration',
          'ExportDefaultDeclaration',
          'MethodDefinition',
          'TSAbstractMethodDefinition',
          'VariableDeclarator',
          'VariableDeclaration',
          'Property',
          'PropertyDefinition',
        ].includes(holder.parent.type)
      )
        holder = holder.parent;
      const comment = source.getCommentsBefore(holder).at(-1);
      if (!comment || comment.type !== 'Block' || !comment.value.startsWith('*')) return;
      const parameters = (node.params ?? node.value?.params ?? []).map(parameterName);
      if (parameters.includes(null)) return;
      for (const match of comment.value.matchAll(/@param\s+(?:\{[^}]*\}\s*)?([A-Za-z_$][\w$]*)/g)) {
        if (parameters.includes(match[1])) continue;
        context.report({
          loc: comment.loc ?? node.loc,
          messageId: 'unknown',
          data: { name: match[1], parameters: parameters.join(', ') || 'none' },
        });
      }
    }

    return {
      FunctionDeclaration: check,
      FunctionExpression: check,
      ArrowFunctionExpression: check,
      TSDeclareFunction: check,
      TSMethodSignature: check,
      TSEmptyBodyFunctionExpression: check,
    };
  },
};

module.exports = rule;
