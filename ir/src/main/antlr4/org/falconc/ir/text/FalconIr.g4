// The textual form of the falconc IR (.fir files). docs/ir-text.md describes it for users;
// IrPrinter writes it and IrParser reads it back. Whitespace and line breaks are insignificant.
grammar FalconIr;

@lexer::members {
    /**
     * True when the '#' just matched is followed by exactly 16 lowercase hex digits and then a
     * character that cannot continue a word: that spells a constant's digest, not a comment.
     */
    private boolean digestFollows() {
        for (int i = 1; i <= 16; i++) {
            int c = _input.LA(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        int next = _input.LA(17);
        return !(Character.isLetterOrDigit(next) || next == '_');
    }
}

graph_
    : GRAPH symbol '(' (param (',' param)*)? ')' ARROW '(' (VALUE (',' VALUE)*)? ')'
      '{' stmt* '}' EOF
    ;

param
    : VALUE (':' type)?
    ;

stmt
    : constStmt
    | nodeStmt
    ;

constStmt
    : VALUE '=' CONST type tensorBody
    ;

// A node with no outputs has no "... =" part.
nodeStmt
    : (VALUE (',' VALUE)* '=')? op=symbol nodeName=STRING? '(' (operand (',' operand)*)? ')'
      attrDict? (':' optType (',' optType)*)?
    ;

// '_' is an absent optional input.
operand
    : VALUE
    | ABSENT
    ;

// '?' is an output whose type is not known while another output of the node has one.
optType
    : type
    | '?'
    ;

// The element type is an identifier so that an unknown one is reported by name, not as a syntax error.
type
    : IDENT '[' (INT (',' INT)*)? ']'
    ;

attrDict
    : '{' (attr (',' attr)*)? '}'
    ;

attr
    : symbol '=' attrValue
    ;

// A list may name its kind (ints, floats, strings); an empty list must.
attrValue
    : INT                                           # intAttr
    | FLOAT                                         # floatAttr
    | STRING                                        # stringAttr
    | kind=IDENT? '[' (literal (',' literal)*)? ']' # listAttr
    | TENSOR type tensorBody                        # tensorAttr
    ;

// Inline elements in row-major order, or the digest of an elided tensor.
tensorBody
    : '[' (literal (',' literal)*)? ']'
    | DIGEST
    ;

literal
    : INT
    | FLOAT
    | STRING
    | TRUE
    | FALSE
    ;

// Graph names, op types and attribute names: bare when they are identifiers, else quoted.
symbol
    : IDENT
    | STRING
    ;

GRAPH  : 'graph' ;
CONST  : 'const' ;
TENSOR : 'tensor' ;
TRUE   : 'true' ;
FALSE  : 'false' ;
ARROW  : '->' ;
ABSENT : '_' ;

// Java's Float.toString spellings plus inf, -inf, nan and nan(0x7fc00001) for other NaN bit patterns.
FLOAT
    : '-'? DIGITS '.' DIGITS EXPONENT?
    | '-'? DIGITS EXPONENT
    | '-'? 'inf'
    | 'nan' ('(0x' HEX_DIGIT+ ')')?
    ;

INT : '-'? DIGITS ;

DIGEST
    : '#' LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX
          LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX LOWER_HEX
    ;

VALUE : '%' (BARE_NAME | QUOTED) ;

STRING : QUOTED ;

IDENT : [A-Za-z_] [A-Za-z0-9_.]* ;

COMMENT : '#' {!digestFollows()}? ~[\r\n]* -> skip ;

WS : [ \t\r\n]+ -> skip ;

// A name may contain ':' (TensorFlow-style "data:0") but not end with it, so "%x: f32[1]" lexes as %x.
fragment BARE_NAME : [A-Za-z0-9_./:-]* [A-Za-z0-9_./-] ;
fragment QUOTED    : '"' (~["\\\r\n] | '\\' (["\\nrt] | 'u' HEX_DIGIT HEX_DIGIT HEX_DIGIT HEX_DIGIT))* '"' ;
fragment DIGITS    : [0-9]+ ;
fragment EXPONENT  : [eE] [+-]? DIGITS ;
fragment HEX_DIGIT : [0-9a-fA-F] ;
fragment LOWER_HEX : [0-9a-f] ;
